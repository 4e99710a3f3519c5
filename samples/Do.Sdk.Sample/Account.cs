namespace StartupStudio;

/// <summary>Prints the sample's account of what happened.</summary>
internal static class Account
{
    public static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine(new string('-', text.Length));
    }

    public static void Line(string text) => Console.WriteLine(text);
}
