namespace Do;

/// <summary>
/// Declares a noun: a kind of thing an object stores. The class must be <c>partial</c>; the generator adds a
/// reflection-free serializer, schema registration, a typed collection (<c>ctx.Startups</c>), a typed ref
/// (<c>ctx.Startup("acme")</c>) and typed events (<c>ctx.On.Startup.Created</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class NounAttribute : Attribute
{
    /// <summary>The plural used for the collection accessor; defaults to the English plural of the class name.</summary>
    public string? Plural { get; set; }

    /// <summary>The noun's type URL; defaults to <c>{ns}/{Name}</c> of the object that stores it.</summary>
    public string? Type { get; set; }
}
