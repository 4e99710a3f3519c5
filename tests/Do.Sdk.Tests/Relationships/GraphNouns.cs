// Generated nouns for the relationship and search tests, in their own namespace (and with their own noun names, as the
// process-wide registry is keyed by name).
namespace Do.Tests.Relationships.Graph;

[Noun]
public partial class Shopper
{
    [Searchable] public string Name { get; set; } = "";
    [Searchable] public string Bio { get; set; } = "";
    public int Visits { get; set; }

    [Relation("purchased")] public IReadOnlyList<RelatedThing<Gadget>> Purchases => [];

    [Verb] public void Rename(string name) => Name = name;
}

[Noun]
public partial class Gadget
{
    [Searchable] public string Title { get; set; } = "";
    public decimal Price { get; set; }
}

public partial class Mall : Business
{
}
