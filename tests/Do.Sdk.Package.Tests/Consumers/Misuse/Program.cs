using Do;

// A [Noun] the generator cannot extend: it is not partial. PackagedConsumerTests expects the packed analyzer
// to stop the build with DO0001.
Console.WriteLine(new Customer().Name);

[Noun]
public class Customer
{
    public string Name { get; set; } = "";
}
