
namespace Do;

/// <summary>Workers reached from an object's context.</summary>
public sealed partial class Context
{
    /// <summary>The human <paramref name="ns"/> (class <typeparamref name="THuman"/>), to ask for approvals from this object's actions.</summary>
    public HumanRef<THuman> Human<THuman>(string ns)
        where THuman : Human, new()
        => new(this, Object<THuman>(ns));
}
