using System.Diagnostics.Metrics;

namespace Do.Benchmarks.Support;

/// <summary>
/// Counts group commits and their members through the runtime's <c>do.commit.group_size</c> histogram, so a probe can
/// tell how many verbs shared each fsync: under FULL a group's commit costs one fsync whatever its size. Also sums the
/// <c>do.commit.duration</c> histogram: the time the writer spent in those COMMITs (the fsync included under FULL).
/// </summary>
public sealed class GroupSizeProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _groups;
    private long _members;
    private long _commitTicks;

    public GroupSizeProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Do.Sdk" && instrument.Name is "do.commit.group_size" or "do.commit.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _members, size);
        });
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => Interlocked.Add(ref _commitTicks, (long)(seconds * TimeSpan.TicksPerSecond)));
        _listener.Start();
    }

    /// <summary>Groups committed, members in them and time spent committing them since the last call; resets all three.</summary>
    public (long Groups, long Members, TimeSpan Committing) Take()
        => (Interlocked.Exchange(ref _groups, 0), Interlocked.Exchange(ref _members, 0), TimeSpan.FromTicks(Interlocked.Exchange(ref _commitTicks, 0)));

    /// <summary>Calls <paramref name="onGroup"/> with the size of every group commit until the returned listener is disposed.</summary>
    public static IDisposable ListenToSizes(Action<int> onGroup)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Do.Sdk" && instrument.Name == "do.commit.group_size")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => onGroup(size));
        listener.Start();
        return listener;
    }

    public void Dispose() => _listener.Dispose();
}
