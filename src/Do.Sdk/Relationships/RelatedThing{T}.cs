namespace Do;

/// <summary>The thing at the other end of a relationship, with the edge's data.</summary>
/// <typeparam name="T">The noun of the related thing.</typeparam>
/// <param name="Id">The related thing's <c>$id</c> URL (<c>ns/localId</c>), possibly in another object; usable as a ref.</param>
/// <param name="Type">The relation type.</param>
/// <param name="Value">The related thing (at HEAD, or as of the same time for a time ref), or null when it does not exist or is deleted there.</param>
/// <param name="Data">The edge's JSON object, or null.</param>
public sealed record RelatedThing<T>(string Id, string Type, T? Value, string? Data)
    where T : class;
