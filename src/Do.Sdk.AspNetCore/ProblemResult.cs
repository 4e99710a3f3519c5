using System.Text.Json;
using Do.Client;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore;

/// <summary>An RFC 9457 problem details response in the form <see cref="DoClient"/> rebuilds exceptions from.</summary>
internal sealed class ProblemResult : IResult, IStatusCodeHttpResult
{
    private readonly Exception? _exception;
    private readonly string? _exceptionName;
    private readonly string? _detail;

    public ProblemResult(Exception exception, int status)
    {
        _exception = exception;
        StatusCode = status;
    }

    public ProblemResult(int status, string exceptionName, string detail)
    {
        StatusCode = status;
        _exceptionName = exceptionName;
        _detail = detail;
    }

    public int? StatusCode { get; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode!.Value;
        response.ContentType = "application/problem+json";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            var instance = httpContext.Request.Path.Value;
            if (_exception is not null)
            {
                RemoteErrors.Write(writer, _exception, StatusCode.Value, instance);
            }
            else
            {
                RemoteErrors.Write(writer, StatusCode.Value, _exceptionName!, _detail!, instance);
            }
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
