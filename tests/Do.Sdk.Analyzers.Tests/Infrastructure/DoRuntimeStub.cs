using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// The slice of the Do.Sdk runtime the analyzers look at, compiled into an assembly named Do.Sdk and
/// referenced as metadata, the way a user's project sees the real runtime.
/// </summary>
internal static class DoRuntimeStub
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.Extensions.AI
        {
            public sealed class ChatMessage { }
            public sealed class ChatResponse { }
            public interface IChatClient
            {
                Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken = default);
            }
            public static class ChatClientExtensions
            {
                public static Task<ChatResponse> GetResponseAsync(this IChatClient client, string prompt, CancellationToken cancellationToken = default) => client.GetResponseAsync([], cancellationToken);
            }
        }

        namespace Do
        {
            [AttributeUsage(AttributeTargets.Class, Inherited = false)]
            public sealed class NounAttribute : Attribute { public string? Plural { get; set; } public string? Type { get; set; } }

            [AttributeUsage(AttributeTargets.Method, Inherited = false)]
            public sealed class VerbAttribute : Attribute { public string? Event { get; set; } public int Retries { get; set; } }

            [AttributeUsage(AttributeTargets.Property)]
            public sealed class IndexedAttribute : Attribute { }
            public sealed class SearchableAttribute : Attribute { }
            public sealed class RelationAttribute : Attribute { public RelationAttribute(string type) { } }
            public sealed class RelatedThing<T> where T : class { }

            public abstract class DurableObject
            {
                protected virtual void Configure(Context ctx) { }
            }

            public abstract class Business : DurableObject { }
            public abstract class App : DurableObject { }
            public abstract class Site : DurableObject { }
            public abstract class Entity : DurableObject { }

            public sealed class Context
            {
                public TimeProvider Time => TimeProvider.System;
                public DateTimeOffset Now => Time.GetUtcNow();
                public Guid NewId() => Guid.Empty;
                public Every Every { get; } = new Every();
                public Task Send(string name, object? payload = null) => Task.CompletedTask;
                public long ActionId => 0;
                public Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> work) => work(default);
                public Task Step(string name, Func<CancellationToken, Task> work) => work(default);
                public Task Sleep(TimeSpan duration) => Task.CompletedTask;
                public Task<T> WaitFor<T>(string signal, TimeSpan timeout) => Task.FromResult(default(T)!);
                public Task<string> Ai(string prompt) => Task.FromResult("");
                public void Define(string action, Func<string?, Context, Task<string?>> handler) { }
            }

            public sealed class Every
            {
                public EveryDay Monday { get; } = new EveryDay();
                public void Cron(string expression, Func<Context, Task> handler) { }
                public void Cron(string expression, string timeZone, Func<Context, Task> handler) { }
            }

            public sealed class EveryDay
            {
                public void At9am(Func<Context, Task> handler) { }
            }

            public enum Durability { Do, Try, Send }

            public sealed class ThingRef<T> where T : class
            {
                public string Reference => "";
                public string Id => "";
                public string Namespace => "";
                public Durability Durability => Durability.Do;
                public Task<T> Get(CancellationToken cancellationToken = default) => throw new NotSupportedException();
                public Task<T?> Find(CancellationToken cancellationToken = default) => Task.FromResult<T?>(null);
                public Task<IReadOnlyList<T>> History(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<T>>([]);
                public ThingRef<T> AsTry() => this;
                public ThingRef<T> AsSend() => this;
                public Task Invoke(string verb, string? inputJson, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task<bool> Relate<TOther>(string type, ThingRef<TOther> target, string? data = null, CancellationToken cancellationToken = default) where TOther : class => Task.FromResult(true);
                public Task<bool> Unrelate<TOther>(string type, ThingRef<TOther> target, CancellationToken cancellationToken = default) where TOther : class => Task.FromResult(true);
                public Task<IReadOnlyList<RelatedThing<TNoun>>> Related<TNoun>(string? type = null, CancellationToken cancellationToken = default) where TNoun : class => Task.FromResult<IReadOnlyList<RelatedThing<TNoun>>>([]);
                public Task<IReadOnlyList<RelatedThing<TNoun>>> RelatedFrom<TNoun>(string? type = null, CancellationToken cancellationToken = default) where TNoun : class => Task.FromResult<IReadOnlyList<RelatedThing<TNoun>>>([]);
            }

            public class ObjectClient
            {
                public string Ns => "";
                public Task<string> Branch(string name, CancellationToken cancellationToken = default) => Task.FromResult(name);
                public Task Merge(string branch, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task Compact(bool force = false, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            public sealed class ObjectClient<TObject> : ObjectClient
                where TObject : DurableObject
            {
                public Task Invoke(string verb, string? inputJson, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task<bool> Relate<TOther>(string type, ThingRef<TOther> target, string? data = null, CancellationToken cancellationToken = default) where TOther : class => Task.FromResult(true);
                public Task<bool> Unrelate<TOther>(string type, ThingRef<TOther> target, CancellationToken cancellationToken = default) where TOther : class => Task.FromResult(true);
                public Task<IReadOnlyList<RelatedThing<TNoun>>> Related<TNoun>(string? type = null, CancellationToken cancellationToken = default) where TNoun : class => Task.FromResult<IReadOnlyList<RelatedThing<TNoun>>>([]);
                public Task<IReadOnlyList<RelatedThing<TNoun>>> RelatedFrom<TNoun>(string? type = null, CancellationToken cancellationToken = default) where TNoun : class => Task.FromResult<IReadOnlyList<RelatedThing<TNoun>>>([]);
            }
        }
        """;

    private static readonly Lazy<MetadataReference> LazyReference = new(Compile);

    public static MetadataReference Reference => LazyReference.Value;

    private static PortableExecutableReference Compile()
    {
        var compilation = CSharpCompilation.Create(
            "Do.Sdk",
            [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp14))],
            FrameworkReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                "The Do runtime stub does not compile:\n" + string.Join('\n', result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(ImmutableArray.Create(stream.ToArray()));
    }
}
