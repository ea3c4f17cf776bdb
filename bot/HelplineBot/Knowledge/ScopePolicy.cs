using System.Text.RegularExpressions;
using HelplineBot.Knowledge.Retrieval;

namespace HelplineBot.Knowledge;

/// <summary>
/// What the answerer must not answer (issue 4 §5), checked on the question before retrieval and on a
/// generated answer after generation. Rules are deliberately broad: declining a fair question costs a
/// visitor one tap to an advisor; answering a dosing or mixing question could cost far more.
/// </summary>
public static partial class ScopePolicy
{
    // Questions are matched on their tokens joined by single spaces: lower case, apostrophes dropped
    // ("what's" -> "whats"), punctuation gone ("k-hole" -> "k hole").
    private const string Ketamine = @"\b(k|ket|kets|keta|ketamine|ketamin|special k|vitamin k)\b";
    private const string OtherDrugs =
        @"\b(alcohol|booze|beers?|wine|vodka|drink|drinks|drinking|weed|cannabis|marijuana|thc|cocaine|coke|crack|meth|methamphetamine|crystal|speed|amphetamines?|adderall|"
        + @"heroin|fentanyl|opioids?|opiates?|oxy|oxycodone|oxycontin|morphine|methadone|suboxone|buprenorphine|naltrexone|xanax|benzos?|benzodiazepines?|valium|"
        + @"diazepam|klonopin|mdma|molly|ecstasy|lsd|acid|shrooms|mushrooms|psilocybin|ghb|nitrous|poppers|antidepressants?|ssris?|sertraline|prozac|lexapro|"
        + @"zoloft|tramadol|codeine|lean|painkillers?|nicotine|vaping|cigarettes?|viagra)\b";
    private const string Medicines = @"\b(meds|medication|medications|medicine|medicines|pills?|tablets?|prescriptions?|prescribed)\b";

    [GeneratedRegex(Ketamine)] private static partial Regex KetamineMention();
    [GeneratedRegex(OtherDrugs)] private static partial Regex OtherDrugMention();
    [GeneratedRegex(Medicines)] private static partial Regex MedicineMention();

    [GeneratedRegex(@"\b(dose|doses|dosage|dosing|microdos\w*|grams?|mg|milligrams?|micrograms?|ml|bumps?|how many (lines|points|bags|keys)|too much (k|ket|ketamine)|much is too much|safe amount|safe (level|limit)|lethal|how much (k|ket|ketamine|is safe|is too|can (i|you|someone|a person) (take|do|use|have|handle)|should (i|you) (take|do|use)|to (take|do|use))|how often (can|should|is it safe)|safe to (take|use|do|snort|inject|sniff) (k|ket|ketamine)|(is|are) (k|ket|ketamine) safe)\b")]
    private static partial Regex DosingQuestion();

    [GeneratedRegex(@"\b(mix|mixes|mixing|mixed|combine|combines|combining|combined|combo|cross fad\w*|together)\b")]
    private static partial Regex MixingWord();

    [GeneratedRegex(@"\b(with|while|whilst|and|on|after|before|plus|then|taking)\b")]
    private static partial Regex Connector();

    [GeneratedRegex(@"\b(compared|compare|comparison|than|versus|vs|like|instead|same as|different from|difference)\b")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\b(am i|is (he|she|they|my \w+|our \w+)|are (they|we|my \w+)) (an |a )?(addict|addicted|hooked|dependent|on (k|ket|ketamine|drugs|something)|using|abusing|high|damaged)\b|\b(do|does|have|has) (i|he|she|they|my \w+( \w+)?) (have|has|got|get) (an? )?(addiction|problem|((k|ket|ketamine) )?(bladder|kidney|kidneys|brain|liver)( damage| problems?| issues?)?|damage)\b|\b(have|has) (i|my \w+) (damaged|ruined|wrecked)\b|\bdiagnos\w*")]
    private static partial Regex DiagnosisQuestion();

    [GeneratedRegex(@"\bhow much (is|does|will|would|do|for) (\w+ ){0,3}(rehab|treatment|detox|program|programme|stay|therapy|it|that|you charge|a session|inpatient|outpatient)\b|\b(cost|costs|costing|price|prices|pricing|fee|fees|pay|paying|payment|afford|expensive|cheap|for free|is it free|insurance|insurer|insured|covered by|cover (it|rehab|treatment|detox|the cost)|coverage|medicaid|medicare|aetna|cigna|humana|blue cross|blue shield|bcbs|united ?healthcare|kaiser|tricare|anthem|copay|co pay|deductible|dollars?|out of pocket)\b")]
    private static partial Regex PriceQuestion();

    [GeneratedRegex(@"\b(legal|illegal|legally|law|laws|lawful|police|cops?|arrest\w*|charged|court|a judge|the judge|jail|prison|lawyer|attorney|criminal|custody|cps|child protective|social services|probation|parole|fired|sacked|employer|boss|lose (my |our )?(job|kids|children|licen[cs]e)|immigration|visa|sued?)\b")]
    private static partial Regex LegalQuestion();

    [GeneratedRegex(@"\b(drug tests?|drug screens?|urine tests?|hair tests?|blood tests?|piss tests?|pee tests?|test positive|tests? (for|show)|show up (on|in)|detect\w*|stays? in (your |my |the )?(system|body|urine|blood|hair)|out of (my|your|the) system)\b")]
    private static partial Regex DetectionQuestion();

    [GeneratedRegex(@"\b(taper\w*|wean\w*|cold turkey|self detox\w*|home detox\w*|detox\w* (at home|alone|by myself|on my own)|(quit|stop|come off|get off|withdraw\w*) (\w+ )?(at home|alone|by myself|on my own))\b")]
    private static partial Regex SelfDetoxQuestion();

    [GeneratedRegex(@"\b(infusions?|spravato|esketamine|ketamine (therapy|clinic)|(cure|treat|fix|heal) my|(help|work for) my (ptsd|depression|anxiety|pain|ocd)|should i (take|try|start|get) (k|ket|ketamine)|can (i|you) prescribe|prescribe (me|it))\b")]
    private static partial Regex MedicalAdviceQuestion();

    [GeneratedRegex(@"\b(percent|percentage|statistics?|stats|success rates?|how many people|proportion|odds|likelihood)\b")]
    private static partial Regex StatisticsQuestion();

    [GeneratedRegex(@"\b(what|which|any|best|good|name|names)\b.*" + Medicines + @"|" + Medicines + @".*\b(help|helps|for|treat|treats|stop|stops|ease|eases|reduce|reduces|against|cravings?|withdrawal|addiction|detox)\b|\bdrugs? (for|to help|that help) (withdrawal|cravings?|addiction|detox|recovery)\b")]
    private static partial Regex MedicationQuestion();

    [GeneratedRegex(@"\bmanagement\b")]
    private static partial Regex MedicationManagement();

    [GeneratedRegex(@"\b(how long|how many (days|weeks|months|hours|years|nights)|duration|when will|how soon)\b")]
    private static partial Regex DurationQuestion();

    /// <summary>The reason to decline the question before any retrieval, or null when it is in scope.</summary>
    public static DeclineReason? Check(string question)
    {
        var text = Normalize(question);
        var mentionsKetamine = KetamineMention().IsMatch(text);
        var otherDrug = OtherDrugMention().IsMatch(text);
        var medicine = MedicineMention().IsMatch(text);

        if (MixingWord().IsMatch(text) && (mentionsKetamine || otherDrug || medicine)) return DeclineReason.DrugCombination;
        if (medicine && !MedicationManagement().IsMatch(text) && MedicationQuestion().IsMatch(text)) return DeclineReason.Medication;
        if (mentionsKetamine && (otherDrug || medicine) && Connector().IsMatch(text) && !Comparison().IsMatch(text)) return DeclineReason.DrugCombination;
        if (MedicationName().IsMatch(text)) return DeclineReason.Medication;
        if (question.Contains('$', StringComparison.Ordinal)) return DeclineReason.PriceOrInsurance;
        if (DosingQuestion().IsMatch(text)) return DeclineReason.Dosing;
        if (SelfDetoxQuestion().IsMatch(text)) return DeclineReason.SelfDetox;
        if (DetectionQuestion().IsMatch(text)) return DeclineReason.DetectionWindow;
        if (PriceQuestion().IsMatch(text)) return DeclineReason.PriceOrInsurance;
        if (LegalQuestion().IsMatch(text)) return DeclineReason.LegalOrEmployment;
        if (DiagnosisQuestion().IsMatch(text)) return DeclineReason.Diagnosis;
        if (MedicalAdviceQuestion().IsMatch(text)) return DeclineReason.MedicalAdvice;
        if (otherDrug && !mentionsKetamine) return DeclineReason.OtherDrug;
        if (StatisticsQuestion().IsMatch(text) || question.Contains('%', StringComparison.Ordinal)) return DeclineReason.Statistics;
        return null;
    }

    private const string NumberWord = @"(\d+([.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a few|several|a couple of)";

    [GeneratedRegex(@"\b" + NumberWord + @"\s*(-|to|or)?\s*(\d+\s*)?(mg|milligrams?|g|grams?|micrograms?|mcg|ml|milliliters?|millilitres?|bumps?|lines?|doses?|kg|mg/kg|keys?|points?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoseAmount();

    [GeneratedRegex(@"\b" + NumberWord + @"\s*(-|to|or)?\s*(\d+\s*)?(days?|weeks?|months?|hours?|hrs?|minutes?|mins?|years?|nights?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"[$€£]\s*\d|\b\d[\d,.]*\s*(dollars?|usd|euros?|pounds)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Price();

    [GeneratedRegex(@"\d\s*%|\b\d+(\.\d+)?\s*(percent|per cent)\b|\b(\d+|one|two|three|four|five|six|seven|eight|nine) (in|out of) (\d+|ten|a hundred)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"\b(methadone|suboxone|buprenorphine|naltrexone|naloxone|vivitrol|subutex|clonidine|lofexidine|gabapentin|pregabalin|diazepam|valium|lorazepam|ativan|clonazepam|klonopin|xanax|alprazolam|benzodiazepines?|benzos|chlordiazepoxide|librium|baclofen|acamprosate|disulfiram|antabuse|topiramate|quetiapine|seroquel|olanzapine|risperidone|haloperidol|trazodone|mirtazapine|zopiclone|zolpidem|ambien|melatonin|sertraline|zoloft|fluoxetine|prozac|escitalopram|lexapro|citalopram|bupropion|wellbutrin|ibuprofen|paracetamol|acetaminophen|tramadol|esketamine|spravato|lamotrigine|lithium|propranolol)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MedicationName();

    [GeneratedRegex(@"\b(safe|fine|okay|ok|alright) to (mix|combine|take (it|them|k|ketamine) (with|together))|\b(can|may) (safely )?be (mixed|combined)|\b(is|are) (a )?safe (dose|amount|combination|mix)", RegexOptions.IgnoreCase)]
    private static partial Regex SafeCombination();

    /// <summary>
    /// What a generated answer must never contain (issue 4 §4): a dose or amount, a duration, a price, a
    /// percentage, a medication name or a claim that something is safe to mix. Null when none is found.
    /// </summary>
    public static string? CheckAnswer(string answer)
    {
        if (DoseAmount().IsMatch(answer)) return "dose";
        if (Duration().IsMatch(answer)) return "duration";
        if (Price().IsMatch(answer)) return "price";
        if (Percentage().IsMatch(answer)) return "statistic";
        if (MedicationName().IsMatch(answer)) return "medication";
        if (SafeCombination().IsMatch(answer)) return "safe-combination";
        return null;
    }

    /// <summary>True when the question asks for a length of time ("how long", "how many days").</summary>
    public static bool AsksForDuration(string question) => DurationQuestion().IsMatch(Normalize(question));

    // "mother in law" is family, not law
    internal static string Normalize(string text) => string.Join(' ', TextAnalyzer.Tokenize(text)).Replace(" in law", " inlaw", StringComparison.Ordinal);
}
