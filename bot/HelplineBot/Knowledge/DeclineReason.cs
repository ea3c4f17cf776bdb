namespace HelplineBot.Knowledge;

/// <summary>Why the answerer said "I can't answer that": a scope rule, or no reliable knowledge.</summary>
public enum DeclineReason
{
    /// <summary>Amounts, doses, "how much is safe", how often to use.</summary>
    Dosing,
    /// <summary>Whether ketamine can be taken with alcohol, medicines or other drugs.</summary>
    DrugCombination,
    /// <summary>Whether a particular person is using, addicted or harmed.</summary>
    Diagnosis,
    /// <summary>Prices, fees and insurance of a particular centre or insurer.</summary>
    PriceOrInsurance,
    /// <summary>Legal, custody, police or employment questions.</summary>
    LegalOrEmployment,
    /// <summary>A drug the knowledge does not cover (meth, alcohol, heroin…).</summary>
    OtherDrug,
    /// <summary>Which medicines treat addiction, cravings or withdrawal: the knowledge names none.</summary>
    Medication,
    /// <summary>Instructions for detoxing or tapering alone.</summary>
    SelfDetox,
    /// <summary>Personal medical advice, such as ketamine therapy for a condition.</summary>
    MedicalAdvice,
    /// <summary>How long ketamine shows up in a drug test.</summary>
    DetectionWindow,
    /// <summary>A duration the knowledge does not give ("how long is detox").</summary>
    Duration,
    /// <summary>Figures the knowledge does not give: rates, percentages, statistics.</summary>
    Statistics,
    /// <summary>Retrieval found no section reliable enough to answer.</summary>
    NotInKnowledge,
}
