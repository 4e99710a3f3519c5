using Do.Storage;

namespace Do.Cli;

/// <summary>
/// A thing named on the command line by its full URL and an optional selector, e.g.
/// <c>https://startups.studio/acme@~1</c>: the object's namespace, the thing's local id and the ref inside the object.
/// </summary>
internal sealed record ThingTarget(ObjectNamespace Namespace, string Id, string LocalRef, string Text)
{
    /// <summary>Parses <paramref name="text"/> with the runtime's ref grammar, so errors read the same as in code.</summary>
    /// <exception cref="CliException">It is not a full thing URL with a valid ref.</exception>
    public static ThingTarget Parse(string text, ObjectNamespace? defaultNamespace = null)
    {
        Ref parsed;
        try
        {
            parsed = Ref.Parse(text);
        }
        catch (InvalidIdentifierException e)
        {
            throw new CliException(e.Message, e);
        }

        var ns = parsed.Namespace ?? defaultNamespace
            ?? throw new CliException($"\"{text}\" is not a full URL: name a thing by its object's namespace and its id, e.g. https://startups.studio/acme or https://startups.studio/acme@~1.");
        if (parsed.Id.Length == 0)
        {
            throw new CliException($"\"{text}\" names the object {ns.Value} itself, not a thing in it: add the thing's id, e.g. {ns.Value}/acme. `do objects` lists objects.");
        }

        int at = text.IndexOf('@', StringComparison.Ordinal);
        var local = at < 0 ? parsed.Id : parsed.Id + text[at..];
        return new ThingTarget(ns, parsed.Id, local, text);
    }

    /// <summary>
    /// The noun of this thing in <paramref name="db"/>: <paramref name="noun"/> when given, else the only noun that has
    /// a thing with this id (ids are scoped per noun, so two nouns may share one).
    /// </summary>
    /// <exception cref="CliException">No thing has the id, or several nouns do and <c>--noun</c> was not given.</exception>
    public string ResolveNoun(ObjectDatabase db, string? noun)
    {
        var nouns = new List<string>();
        using (var reader = db.Command("SELECT DISTINCT n.name FROM things AS t JOIN nouns AS n ON n.id = t.noun WHERE t.id = $id ORDER BY n.name").Bind("$id", Id).ExecuteReader())
        {
            while (reader.Read())
            {
                nouns.Add(reader.GetString(0));
            }
        }

        if (noun is not null)
        {
            return nouns.Contains(noun, StringComparer.Ordinal)
                ? noun
                : throw new CliException($"There is no {noun} \"{Id}\" in {Namespace.Value}." + (nouns.Count > 0 ? $" \"{Id}\" is a {string.Join(" and a ", nouns)} there." : ""));
        }

        return nouns switch
        {
            [] => throw new CliException($"There is no thing \"{Id}\" in {Namespace.Value}: no version of any noun has that id. `do sql {Namespace.Value} \"SELECT noun, id FROM heads\"` lists what there is."),
            [var only] => only,
            _ => throw new CliException($"\"{Id}\" in {Namespace.Value} is a {string.Join(" and a ", nouns)}; say which with --noun {nouns[0]}."),
        };
    }
}
