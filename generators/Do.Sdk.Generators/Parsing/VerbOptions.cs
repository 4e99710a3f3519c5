using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Parsing;

/// <summary>What a <c>[Verb]</c> attribute says, read from the compiler's <see cref="AttributeData"/> or from syntax (<see cref="VerbAttributeSyntax"/>).</summary>
/// <param name="Event">The declared event name, or null.</param>
/// <param name="Retries">The declared retry count, or -1 when not given.</param>
/// <param name="TimeoutMilliseconds">The declared timeout, or 0.</param>
/// <param name="RequiresApproval">Whether an agent must ask before calling it.</param>
internal readonly record struct VerbOptions(string? Event, int Retries, int TimeoutMilliseconds, bool RequiresApproval)
{
    /// <summary>The options of an attribute as the compiler bound it.</summary>
    public static VerbOptions From(AttributeData attribute)
    {
        string? declaredEvent = null;
        int retries = -1, timeout = 0;
        bool requiresApproval = false;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Event":
                    declaredEvent = argument.Value.Value as string;
                    break;
                case "Retries":
                    retries = argument.Value.Value is int r ? r : 0;
                    break;
                case "TimeoutMilliseconds":
                    timeout = argument.Value.Value is int t ? t : 0;
                    break;
                case "RequiresApproval":
                    requiresApproval = argument.Value.Value is true;
                    break;
            }
        }

        return new VerbOptions(declaredEvent, retries, timeout, requiresApproval);
    }
}
