namespace Do;

/// <summary>What a noun tool offered to an agent does.</summary>
public enum NounToolKind
{
    /// <summary><c>{Noun}_{Verb}</c>: runs a verb on one thing.</summary>
    Verb,

    /// <summary><c>{Noun}_Get</c>: reads one thing at HEAD.</summary>
    Get,

    /// <summary><c>{Noun}_List</c>: lists every live thing of the noun.</summary>
    List,
}
