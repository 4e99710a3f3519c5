using System.Diagnostics.Metrics;

namespace Do.Benchmarks.Support;

/// <summary>
/// Counts group commits and their members through the runtime's <c>do.commit.group_size</c> histogram, so a probe can
/// tell how many verbs shared each fsync: under FULL a group's commit costs one fsync whatever its size.
/// </summary>
public sealed class GroupSizeProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _groups;
    private long _members;

    public GroupSizeProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Do.Sdk" && instrument.Name == "do.commit.group_size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _members, size);
        });
        _listener.Start();
    }

    /// <summary>Groups committed and members in them since the last call; resets both.</summary>
    public (long Groups, long Members) Take() => (Interlocked.Exchange(ref _groups, 0), Interlocked.Exchange(ref _members, 0));

    public void Dispose() => _listener.Dispose();
}
