namespace Do;

/// <summary>A multi-tenant organisation, the top of a Business → App → Site hierarchy.</summary>
public class Business : DurableObject
{
    internal override ObjectKind Kind => ObjectKind.Business;
}
