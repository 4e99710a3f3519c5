using System.CommandLine;

namespace Do.Cli;

/// <summary>The options every command takes: where the objects are and how to print them.</summary>
internal sealed class CommonOptions
{
    /// <summary>The name of the environment variable that supplies <c>--api-key</c>.</summary>
    public const string ApiKeyVariable = "DO_API_KEY";

    public Option<string> Data { get; } = new("--data")
    {
        Description = "The host's data folder (the one holding catalog.db); read-only unless the command says otherwise.",
        DefaultValueFactory = _ => "data",
        Recursive = true,
    };

    public Option<string?> Url { get; } = new("--url")
    {
        Description = "The address of a running host serving MapDurableObjects (e.g. http://127.0.0.1:5080); used instead of --data.",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key sent as X-Api-Key with --url; defaults to ${ApiKeyVariable}.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON instead of tables.",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command, from where every subcommand sees them.</summary>
    public void AddTo(Command root)
    {
        root.Options.Add(Data);
        root.Options.Add(Url);
        root.Options.Add(ApiKey);
        root.Options.Add(Json);
    }

    /// <summary>The remote host, or null when the command works on the data folder.</summary>
    public RemoteHost? Remote(ParseResult result)
    {
        var url = result.GetValue(Url);
        if (url is null)
        {
            return null;
        }

        var key = result.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        return RemoteHost.Connect(url, key);
    }

    /// <summary>The data folder named by <c>--data</c>.</summary>
    /// <exception cref="CliException">It does not exist or holds no catalog.</exception>
    public DataFolder Folder(ParseResult result) => DataFolder.Open(result.GetValue(Data) ?? "data");
}
