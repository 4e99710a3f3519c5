using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Hosting;

public sealed class DoHostOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = new DoHostOptions();

        options.Validate();

        Assert.Equal("data", options.DataPath);
        Assert.Equal(SynchronousMode.Normal, options.Synchronous);
        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleTimeout);
        Assert.Equal(4_096, options.MaxActiveObjects);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Same(TimeZoneInfo.Utc, options.TimeZone);
        Assert.Null(options.LoggerFactory);
    }

    [Fact]
    public void Validate_ListsEveryProblem_InOneException()
    {
        var options = new DoHostOptions
        {
            DataPath = " ",
            Synchronous = (SynchronousMode)7,
            IdleTimeout = TimeSpan.Zero,
            MaxActiveObjects = 0,
            TimeProvider = null!,
            TimeZone = null!,
        };

        var e = Assert.Throws<InvalidOptionsException>(options.Validate);

        Assert.Equal(6, e.Errors.Count);
        Assert.Collection(
            e.Errors,
            m => Assert.StartsWith("DataPath is empty", m, StringComparison.Ordinal),
            m => Assert.StartsWith("Synchronous is 7; expected Off, Normal, Full or Extra", m, StringComparison.Ordinal),
            m => Assert.StartsWith("IdleTimeout is 00:00:00; expected a positive duration", m, StringComparison.Ordinal),
            m => Assert.StartsWith("MaxActiveObjects is 0; expected at least 1", m, StringComparison.Ordinal),
            m => Assert.StartsWith("TimeProvider is null", m, StringComparison.Ordinal),
            m => Assert.StartsWith("TimeZone is null", m, StringComparison.Ordinal));
        Assert.All(e.Errors, m => Assert.Contains("  - " + m, e.Message, StringComparison.Ordinal));
        Assert.StartsWith("Invalid DoHostOptions:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("data\0x")]
    public void Validate_RejectsABadDataPath(string path)
    {
        var e = Assert.Throws<InvalidOptionsException>(new DoHostOptions { DataPath = path }.Validate);

        Assert.Contains("DataPath", Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsANegativeIdleTimeout()
    {
        var e = Assert.Throws<InvalidOptionsException>(new DoHostOptions { IdleTimeout = TimeSpan.FromSeconds(-1) }.Validate);

        Assert.Contains("IdleTimeout is -00:00:01", Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WithInvalidOptions_ThrowsBeforeTouchingTheDisk()
    {
        using var temp = new TempFolder();
        var dataPath = temp.File("data");

        var e = await Assert.ThrowsAsync<InvalidOptionsException>(() => DoHost.StartAsync(o =>
        {
            o.DataPath = dataPath;
            o.MaxActiveObjects = -5;
            o.IdleTimeout = TimeSpan.Zero;
        }));

        Assert.Equal(2, e.Errors.Count);
        Assert.False(Directory.Exists(dataPath));
    }

    [Fact]
    public async Task StartAsync_KeepsTheOptions()
    {
        using var temp = new TempFolder();
        var time = new FakeTimeProvider();

        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = temp.Path;
            o.TimeProvider = time;
            o.Synchronous = SynchronousMode.Full;
        });

        Assert.Same(time, host.Options.TimeProvider);
        Assert.Equal(SynchronousMode.Full, host.Options.Synchronous);
    }

    [Fact]
    public async Task IdleTimeout_MaxValue_NeverDeactivates()
    {
        using var temp = new TempFolder();
        var time = new FakeTimeProvider();
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = temp.Path;
            o.TimeProvider = time;
            o.IdleTimeout = TimeSpan.MaxValue;
        });
        await host.Object<Business>("https://forever.example").Run(_ => 0);

        time.Advance(TimeSpan.FromDays(400));

        Assert.True(host.IsActive("https://forever.example"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Validate_RejectsACallTimeoutThatIsNotPositive(int seconds)
    {
        var e = Assert.Throws<InvalidOptionsException>(new DoHostOptions { CallTimeout = TimeSpan.FromSeconds(seconds) }.Validate);

        var error = Assert.Single(e.Errors);
        Assert.StartsWith($"CallTimeout is {TimeSpan.FromSeconds(seconds)}; expected a positive duration", error, StringComparison.Ordinal);
        Assert.Contains("Timeout.InfiniteTimeSpan", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CallTimeout_DefaultsTo30Seconds_AndMayBeInfinite()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new DoHostOptions().CallTimeout);

        new DoHostOptions { CallTimeout = Timeout.InfiniteTimeSpan }.Validate();
    }
}
