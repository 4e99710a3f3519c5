using PuppeteerSharp;

namespace Do.AspNetCore.BrowserTests.Support;

/// <summary>
/// A headless Chromium from the system's package (Debian's /usr/bin/chromium, or DO_CHROMIUM), driven over CDP by
/// PuppeteerSharp. Nothing is ever downloaded: a missing browser fails the test with how to install it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IBrowser _browser;

    private Chromium(IBrowser browser) => _browser = browser;

    /// <summary>Where the browser is expected.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("DO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where screenshots go: DO_SCREENSHOTS, or TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("DO_SCREENSHOTS") is { Length: > 0 } path
                ? path
                : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"No Chromium at {ExecutablePath}: the dashboard's browser tests drive the system's Chromium. Install it with `apt-get update && apt-get install -y chromium` (as root; .ci/run does this), or point DO_CHROMIUM at a Chromium binary.");
        }

        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // CI runs as root in a container, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--force-color-profile=srgb"],
            Timeout = (int)Do.Tests.Support.Wait.Guard.TotalMilliseconds,
        });
        return new Chromium(browser);
    }

    /// <summary>A new page that sends <paramref name="apiKey"/> with every request, as a signed-in operator's browser would.</summary>
    public async Task<IPage> PageAsync(string? apiKey = DashboardServer.StudioKey, bool dark = false)
    {
        var page = await _browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 860 });
        if (apiKey is not null)
        {
            await page.SetExtraHttpHeadersAsync(new Dictionary<string, string> { ["X-Api-Key"] = apiKey });
        }

        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = dark ? "dark" : "light" }]);
        page.DefaultTimeout = (int)Do.Tests.Support.Wait.Guard.TotalMilliseconds;
        return page;
    }

    /// <summary>Saves a full-page screenshot as <paramref name="name"/>.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
    }
}
