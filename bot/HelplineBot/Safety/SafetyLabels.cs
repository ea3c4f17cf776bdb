using System.Diagnostics.CodeAnalysis;

namespace HelplineBot.Safety;

/// <summary>The wire labels of <see cref="SafetyCategory"/> (issue 5 §1), shared by the rule files and the evaluation.</summary>
public static class SafetyLabels
{
    public const string CrisisSuicide = "crisis_suicide";
    public const string CrisisSelfHarm = "crisis_self_harm";
    public const string CrisisOverdoseMedical = "crisis_overdose_medical";
    public const string CrisisHarmToOthers = "crisis_harm_to_others";
    public const string CrisisAbuseDanger = "crisis_abuse_danger";
    public const string HumanRequest = "human_request";
    public const string None = "none";

    /// <summary>Every label, in the order reports print them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CrisisSuicide, CrisisSelfHarm, CrisisOverdoseMedical, CrisisHarmToOthers, CrisisAbuseDanger, HumanRequest, None];

    public static string ToLabel(this SafetyCategory category) => category switch
    {
        SafetyCategory.CrisisSuicide => CrisisSuicide,
        SafetyCategory.CrisisSelfHarm => CrisisSelfHarm,
        SafetyCategory.CrisisOverdoseMedical => CrisisOverdoseMedical,
        SafetyCategory.CrisisHarmToOthers => CrisisHarmToOthers,
        SafetyCategory.CrisisAbuseDanger => CrisisAbuseDanger,
        SafetyCategory.HumanRequest => HumanRequest,
        _ => None,
    };

    public static bool TryParse([NotNullWhen(true)] string? label, out SafetyCategory category)
    {
        category = label switch
        {
            CrisisSuicide => SafetyCategory.CrisisSuicide,
            CrisisSelfHarm => SafetyCategory.CrisisSelfHarm,
            CrisisOverdoseMedical => SafetyCategory.CrisisOverdoseMedical,
            CrisisHarmToOthers => SafetyCategory.CrisisHarmToOthers,
            CrisisAbuseDanger => SafetyCategory.CrisisAbuseDanger,
            HumanRequest => SafetyCategory.HumanRequest,
            _ => SafetyCategory.None,
        };
        return label is not null && (category != SafetyCategory.None || label == None);
    }

    public static bool IsCrisis(this SafetyCategory category) =>
        category is not (SafetyCategory.None or SafetyCategory.HumanRequest);
}
