using System.CommandLine;

namespace Do.Cli.Commands;

/// <summary><c>--noun</c>: which noun a thing is, when its id alone does not say (or over HTTP, whose routes need it).</summary>
internal static class NounOption
{
    public static Option<string?> Create() => new("--noun")
    {
        Description = "The thing's noun (e.g. Startup): needed with --url, or when two nouns share the id.",
    };

    public static CliException RequiredRemotely(string command)
        => new($"`do {command}` with --url needs --noun <Noun>: the HTTP routes address a thing by its noun (/do/{{ns}}/things/{{noun}}/{{ref}}).");
}
