using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>The dashboard's stylesheet and script, embedded in the assembly: no files to deploy, no build step.</summary>
internal static class DashboardAssets
{
    private static readonly FrozenDictionary<string, (string ContentType, byte[] Bytes)> Files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal)
    {
        ["dashboard.css"] = ("text/css; charset=utf-8", Read("dashboard.css")),
        ["dashboard.js"] = ("text/javascript; charset=utf-8", Read("dashboard.js")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IResult Serve(HttpContext http, string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(file.Bytes, file.ContentType);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("Do.AspNetCore.Dashboard.Assets." + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is missing from {typeof(DashboardAssets).Assembly.GetName().Name}; it is embedded by the project file.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
