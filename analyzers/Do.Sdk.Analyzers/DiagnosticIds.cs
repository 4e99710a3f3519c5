namespace Do.Sdk.Analyzers;

/// <summary>The IDs of every Do.Sdk diagnostic.</summary>
public static class DiagnosticIds
{
    public const string TypeMustBePartial = "DO0001";
    public const string InvalidVerbSignature = "DO0002";
    public const string UnsupportedType = "DO0003";
    public const string DuplicateName = "DO0004";
    public const string InvalidCronExpression = "DO0005";
    public const string NonDeterministicCall = "DO0006";
    public const string BlockingWait = "DO0007";
    public const string LanguageVersionTooLow = "DO0008";
    public const string AsyncVoid = "DO0009";
    public const string VerbNameTaken = "DO0010";
    public const string SearchableNotText = "DO0011";
    public const string UnknownRelationType = "DO0012";
    public const string StepBreaksReplay = "DO0013";
    public const string SideEffectOutsideStep = "DO0014";
}
