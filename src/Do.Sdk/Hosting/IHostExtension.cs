namespace Do.Hosting;

/// <summary>
/// Something that runs beside an embedded host and hears about the events objects commit (the analytics stream is
/// one). Internal on purpose: the core must not reference the packages that plug in here; they reach it through
/// <c>InternalsVisibleTo</c>, which keeps this seam out of the public API until a second use settles its shape.
/// </summary>
internal interface IHostExtension
{
    /// <summary>Called once, at the end of the host's construction.</summary>
    void Started(DoHost host);

    /// <summary>
    /// Called at the end of an object's turn when its outbox may hold events up to <paramref name="lastSequence"/>
    /// that the extension has not been told about. Runs inside the turn: it must not block or call the object.
    /// </summary>
    void Committed(ObjectNamespace ns, long lastSequence);

    /// <summary>Called first when the host stops, while objects can still take turns.</summary>
    ValueTask StoppingAsync();
}
