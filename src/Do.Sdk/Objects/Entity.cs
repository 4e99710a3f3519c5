namespace Do;

/// <summary>A domain object container: an object whose purpose is to hold things of a few nouns (customers, orders, products).</summary>
public class Entity : DurableObject
{
    internal override ObjectKind Kind => ObjectKind.Entity;
}
