using Do.Analytics.Tests.Support;

namespace Do.Analytics.Tests;

public sealed class AnalyticsOptionsTests
{
    [Fact]
    public void Validate_lists_every_problem_with_the_bad_value_and_the_accepted_form()
    {
        var options = new AnalyticsOptions { BatchSize = 0, MaxDelay = TimeSpan.Zero, CompactMinFiles = 1 };
        options.Sinks.Add(new RecordingSink(ParquetEventSink.SinkName));

        var error = Assert.Throws<InvalidOptionsException>(options.Validate);

        Assert.Equal(4, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("BatchSize is 0; expected at least 1", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("MaxDelay is 00:00:00", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("CompactMinFiles is 1; expected at least 2", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("\"parquet\" is used twice", StringComparison.Ordinal));
    }

    [Fact]
    public void UseAnalytics_validates_at_configuration_time()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => new DoHostOptions().UseAnalytics(a => a.ParquetFiles = false));
        Assert.Contains("no sink", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}
