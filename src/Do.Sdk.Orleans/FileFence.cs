using System.Security.Cryptography;
using System.Text;

namespace Do.Orleans;

/// <summary>
/// The fence of the shared-data-root topology: before an activation opens an object's database it takes an exclusive
/// lock on <c>{DataPath}/fences/{hash}.lock</c> and keeps it until the object is closed. The lock is the operating
/// system's (flock on Linux and macOS, a share-none handle on Windows), so it is released when the process dies: a
/// crashed silo never leaves an object locked, and a live one — even one cut off from the cluster — keeps others out.
/// </summary>
internal sealed class FileFence
{
    private readonly string _folder;
    private readonly TimeProvider _time;

    public FileFence(string dataPath, TimeProvider time)
    {
        _folder = Path.Combine(Path.GetFullPath(dataPath), "fences");
        _time = time;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Where the fence of <paramref name="ns"/> lives.</summary>
    public string PathOf(ObjectNamespace ns)
        => Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ns.Value))) + ".lock");

    /// <summary>Takes the fence, waiting up to <paramref name="timeout"/> for another holder to let go.</summary>
    /// <exception cref="ObjectFencedException">Another holder kept it for the whole timeout.</exception>
    public async Task<IDisposable> AcquireAsync(ObjectNamespace ns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = PathOf(ns);
        var started = _time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (TryAcquire(path) is { } held)
            {
                return held;
            }

            var waited = _time.GetElapsedTime(started);
            if (waited >= timeout)
            {
                throw new ObjectFencedException(ns.Value, path, waited);
            }

            // The holder is closing the object (a migration, a deactivation) or its process is dying: look again soon.
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    /// <summary>Takes the fence if nobody holds it; null when another activation does.</summary>
    public static FileStream? TryAcquire(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
