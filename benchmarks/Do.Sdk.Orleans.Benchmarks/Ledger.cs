using Do;

namespace Do.Orleans.Benchmarks;

/// <summary>The benchmarked verb: one counter, incremented.</summary>
[Noun]
public partial class Tally
{
    public int Value { get; set; }

    [Verb] public void Increment(int by = 1) => Value += by;
}

/// <summary>The object holding the tallies.</summary>
public partial class Ledger : Business
{
}
