namespace Do.Sdk.Analyzers;

/// <summary>The IDs of every Do.Sdk diagnostic. DO0003 and DO0004 are reserved for checks that need the generator's model.</summary>
public static class DiagnosticIds
{
    public const string TypeMustBePartial = "DO0001";
    public const string InvalidVerbSignature = "DO0002";
    public const string InvalidCronExpression = "DO0005";
    public const string NonDeterministicCall = "DO0006";
    public const string BlockingWait = "DO0007";
    public const string LanguageVersionTooLow = "DO0008";
    public const string AsyncVoid = "DO0009";
}
