using System.CommandLine;

namespace Do.Cli.Commands;

/// <summary><c>--ns</c>: which objects a command works on; on a data folder, every object when not given.</summary>
internal static class NamespaceOption
{
    public static Option<string[]> Create(string description) => new("--ns")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The objects named, or every object in the folder when none is.</summary>
    public static IReadOnlyList<CatalogRow> Select(DataFolder folder, string[]? names)
        => names is { Length: > 0 } ? [.. names.Select(folder.Find)] : folder.Objects();

    /// <summary>The objects named for a remote host, which cannot list its objects.</summary>
    public static IReadOnlyList<ObjectNamespace> Require(string[]? names, string command)
    {
        if (names is not { Length: > 0 })
        {
            throw new CliException($"`do {command}` with --url needs --ns <namespace> (repeatable): the HTTP API has no list of objects to go through.");
        }

        try
        {
            return [.. names.Select(ObjectNamespace.Parse)];
        }
        catch (InvalidIdentifierException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
