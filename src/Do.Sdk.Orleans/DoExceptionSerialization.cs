using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Do.Orleans;

/// <summary>Lets Orleans carry exceptions of Do's namespaces with their type and message (it carries only System's, Microsoft's and Azure's by default).</summary>
internal static class DoExceptionSerialization
{
    public static IServiceCollection AddDoExceptions(this IServiceCollection services)
        => services.Configure<ExceptionSerializationOptions>(options =>
        {
            var previous = options.SupportedExceptionTypeFilter;
            options.SupportedExceptionTypeFilter = type => IsDo(type.Namespace) || (previous?.Invoke(type) ?? false);
        });

    private static bool IsDo(string? ns) => ns is not null && (ns == "Do" || ns.StartsWith("Do.", StringComparison.Ordinal));
}
