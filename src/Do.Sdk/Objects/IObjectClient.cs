using Do.Transport;

namespace Do;

/// <summary>
/// A typed client seen through a covariant interface: an <c>ObjectClient&lt;Responder&gt;</c> is an
/// <c>IObjectClient&lt;Agent&gt;</c>. It exists for extension members over a family of object classes that take their
/// own type arguments: C# 14 binds <c>agent.Generate&lt;string[]&gt;(…)</c> to an extension block only when the type
/// arguments given are all the method's, so a block over <c>ObjectClient&lt;TAgent&gt;</c> (which adds
/// <c>TAgent</c>) cannot offer it, while a block over <c>IObjectClient&lt;Agent&gt;</c> can.
/// </summary>
/// <typeparam name="TObject">The object class, or a base class of it.</typeparam>
public interface IObjectClient<out TObject>
    where TObject : DurableObject
{
    /// <summary>The object's namespace.</summary>
    ObjectNamespace Namespace { get; }

    /// <summary>How the client reaches the object.</summary>
    IObjectTransport Transport { get; }
}
