using Do.Hosting;

namespace Do;

public sealed partial class DoHostOptions
{
    /// <summary>Extensions (analytics) the host starts, notifies after turns that committed events, and stops first.</summary>
    internal List<IHostExtension> Extensions { get; } = [];
}
