namespace HelplineBot.Safety;

/// <summary>What the safety screen found in one message. Wire labels are in <see cref="SafetyLabels"/>.</summary>
public enum SafetyCategory
{
    None,
    HumanRequest,
    CrisisSuicide,
    CrisisSelfHarm,
    CrisisOverdoseMedical,
    CrisisHarmToOthers,
    CrisisAbuseDanger,
}
