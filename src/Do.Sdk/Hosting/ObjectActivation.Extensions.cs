namespace Do.Hosting;

internal sealed partial class ObjectActivation
{
    private long _announcedSequence = -1;

    /// <summary>
    /// Tells the host's extensions that this object committed events since the last time. The first turn of an
    /// activation announces whatever the file holds, so events written while no host ran (a fork, a crash between
    /// commit and notification) are not missed.
    /// </summary>
    private void AnnounceEvents()
    {
        var extensions = Host.Options.Extensions;
        if (extensions.Count == 0 || _database is not { } db)
        {
            return;
        }

        var last = _announcedSequence < 0 ? Math.Max(db.MaxEventSequence(), db.LastEventSequence) : db.LastEventSequence;
        if (last <= _announcedSequence || last == 0)
        {
            _announcedSequence = Math.Max(_announcedSequence, 0);
            return;
        }

        _announcedSequence = last;
        foreach (var extension in extensions)
        {
            extension.Committed(Namespace, last);
        }
    }
}
