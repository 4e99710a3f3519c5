using System.Text.Json;
using Do.AspNetCore.Tests.Support;
using Microsoft.OpenApi;

namespace Do.AspNetCore.Tests;

/// <summary>The app's OpenAPI document describes every object endpoint, its parameters and its problem responses.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private DoServer _server = null!;

    public async Task InitializeAsync() => _server = await DoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_document_is_served_and_valid()
    {
        using var http = _server.Http(key: null);

        var json = await http.GetStringAsync("/openapi/v1.json");
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public async Task Every_object_route_is_documented_with_its_parameters_and_problem_responses()
    {
        using var http = _server.Http(key: null);
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = _server.ObjectEndpoints;

        Assert.True(endpoints.Count >= 22, $"expected every object route, found {endpoints.Count}");
        foreach (var (pattern, method) in endpoints)
        {
            Assert.True(paths.TryGetProperty(pattern, out var path), $"{pattern} is not in the document");
            Assert.True(path.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {pattern} is not in the document");
            var parameters = operation.GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "path")
                .Select(p => p.GetProperty("name").GetString())
                .ToHashSet();
            foreach (var hole in pattern.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')))
            {
                Assert.True(parameters.Contains(hole), $"{method} {pattern} does not document its path parameter {hole}");
            }

            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403" })
            {
                Assert.True(responses.TryGetProperty(status, out var response), $"{method} {pattern} does not document {status}");
                Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {pattern}: {status} is not a problem");
            }
        }
    }

    [Fact]
    public async Task Verbs_document_durability_and_their_failure_as_422()
    {
        using var http = _server.Http(key: null);
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));

        var verb = document.RootElement.GetProperty("paths").GetProperty("/do/{ns}/things/{noun}/{id}/{verb}").GetProperty("post");

        Assert.Contains(verb.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "durability" && p.GetProperty("in").GetString() == "query");
        Assert.True(verb.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(verb.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
