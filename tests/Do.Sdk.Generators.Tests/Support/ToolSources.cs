namespace Do.Sdk.Generators.Tests.Support;

/// <summary>User code whose verbs become agent tools: argument schemas and approval flags.</summary>
internal static class ToolSources
{
    public const string VerbSchemas = """
        using System;
        using System.Collections.Generic;
        using Do;

        namespace Support;

        public enum Priority { Low, Normal, Urgent }

        public sealed class Address
        {
            public string Street { get; set; } = "";
            public Address? Previous { get; set; }
        }

        [Noun]
        public partial class Ticket
        {
            public string Title { get; set; } = "";
            public Priority Priority { get; set; }
            public List<string> Labels { get; set; } = new();
            public Address? ShipTo { get; set; }
            public decimal Credit { get; set; }

            [Verb] public void Escalate(Priority to, string? reason = null) => Priority = to;
            [Verb] public void Label(IReadOnlyList<string> labels, DateTimeOffset? at) => Labels.AddRange(labels);
            [Verb] public void Ship(Address to, Guid parcel) => ShipTo = to;
            [Verb(RequiresApproval = true)] public void Refund(decimal amount) => Credit += amount;
        }
        """;
}
