namespace Do.Sdk.Generators.Tests.Support;

/// <summary>User code with [Searchable] and [Relation] properties.</summary>
internal static class SearchSources
{
    public const string SearchableAndRelations = """
        using System.Collections.Generic;
        using Do;

        namespace Shop;

        [Noun]
        public partial class Customer
        {
            [Searchable] public string Name { get; set; } = "";
            [Searchable] public string? Bio { get; set; }
            [Searchable] public int Age { get; set; }
            public string Email { get; set; } = "";

            [Relation("purchased")] public IReadOnlyList<RelatedThing<Product>> Purchases => [];
            [Relation("follows")] public IReadOnlyList<RelatedThing<Customer>> Follows => [];
            [Relation("not-a-noun")] public IReadOnlyList<string> Ignored => [];
        }

        [Noun]
        public partial class Product
        {
            [Searchable] public string Title { get; set; } = "";
        }
        """;
}
