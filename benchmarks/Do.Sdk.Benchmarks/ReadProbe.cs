using System.Diagnostics;
using Do.Storage;
using static System.FormattableString;

namespace Do.Benchmarks;

/// <summary>
/// Reads that walk a thing's versions, on a file built for the run: thing <c>a</c> with N versions on main, a branch
/// <c>x</c> forked after a's tenth version (so x reads a through main's versions), and 200 other things with five
/// versions each. Prints a Markdown table of µs per read: HEAD, <c>@~1</c>, <c>@~100</c>, <c>@~N/2</c>, the listing,
/// the whole history, and a on x. Not BenchmarkDotNet: a Stopwatch over a few hundred reads after three warm-ups.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --read-probe [versions]</code>
/// </summary>
internal static class ReadProbe
{
    public static int Run(int versions)
    {
        var path = Path.Combine(Path.GetTempPath(), Invariant($"do-read-probe-{Environment.ProcessId}.db"));
        try
        {
            using var db = ObjectDatabase.Open(path, ObjectNamespace.Parse("https://probe.example"), SynchronousMode.Off);
            Build(db, versions);
            Console.WriteLine(Invariant($"Read probe: a with {versions} versions, 200 other things, branch x forked after a's tenth version"));
            Console.WriteLine("| Read | µs |");
            Console.WriteLine("|---|---:|");
            Time("HEAD", () => db.Things.Get("Startup", "a"), 2000);
            Time("@~1", () => db.Things.Get("Startup", "a@~1"), 2000);
            Time("@~100", () => db.Things.Get("Startup", "a@~100"), 1000);
            Time(Invariant($"@~{versions / 2}"), () => db.Things.Get("Startup", Invariant($"a@~{versions / 2}")), 200);
            Time("listing (201 things)", () => db.Things.List("Startup"), 50);
            Time("whole history of a", () => db.Things.History("Startup", "a"), 5);
            Time("a@x", () => db.Things.Get("Startup", "a@x"), 200);
            return 0;
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static void Build(ObjectDatabase db, int versions)
    {
        db.InTransaction(() =>
        {
            db.Things.Create("Startup", "a", """{"name":"a","priority":0}""");
            for (int i = 1; i < 10; i++)
            {
                db.Things.Update("Startup", "a", Invariant($$"""{"name":"a","priority":{{i}}}"""));
            }
        });
        db.Lifecycle.Branch("x");
        db.InTransaction(() =>
        {
            for (int i = 10; i < versions; i++)
            {
                db.Things.Update("Startup", "a", Invariant($$"""{"name":"a","priority":{{i}}}"""));
            }

            for (int t = 0; t < 200; t++)
            {
                var id = Invariant($"t{t:000}");
                db.Things.Create("Startup", id, """{"name":"t","priority":0}""");
                for (int i = 1; i < 5; i++)
                {
                    db.Things.Update("Startup", id, Invariant($$"""{"name":"t","priority":{{i}}}"""));
                }
            }
        });
    }

    private static void Time(string name, Func<object?> read, int rounds)
    {
        for (int i = 0; i < 3; i++)
        {
            read();
        }

        var started = Stopwatch.GetTimestamp();
        for (int i = 0; i < rounds; i++)
        {
            read();
        }

        Console.WriteLine(Invariant($"| {name} | {Stopwatch.GetElapsedTime(started).TotalMicroseconds / rounds:F1} |"));
    }
}
