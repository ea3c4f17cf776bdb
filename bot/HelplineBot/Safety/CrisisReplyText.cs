namespace HelplineBot.Safety;

/// <summary>
/// The sentences of the crisis replies, with placeholders {helplineName}, {helplinePhone}, {helplineHours}.
/// <see cref="BuiltIn"/> is compiled in, so the emergency numbers go out even when replies.yaml is broken.
/// </summary>
internal sealed record CrisisReplyText
{
    public required IReadOnlyDictionary<SafetyCategory, string> Messages { get; init; }
    public required string StayWithUs { get; init; }
    public required string Grounding { get; init; }
    public required string AdvisorButton { get; init; }
    public required string GroundingButton { get; init; }

    /// <summary>The numbers each category's message must contain; a file that drops one is rejected.</summary>
    public static IReadOnlyDictionary<SafetyCategory, string[]> RequiredNumbers { get; } = new Dictionary<SafetyCategory, string[]>
    {
        [SafetyCategory.CrisisSuicide] = ["988", "911"],
        [SafetyCategory.CrisisSelfHarm] = ["988", "911"],
        [SafetyCategory.CrisisOverdoseMedical] = ["911", "1-800-222-1222"],
        [SafetyCategory.CrisisHarmToOthers] = ["911", "988"],
        [SafetyCategory.CrisisAbuseDanger] = ["911"],
    };

    public static CrisisReplyText BuiltIn { get; } = new()
    {
        Messages = new Dictionary<SafetyCategory, string>
        {
            [SafetyCategory.CrisisSuicide] =
                "I'm really glad you told me, and I'm sorry you're hurting this much. You don't have to go through this alone. " +
                "Please call or text 988 (the Suicide & Crisis Lifeline): it's free, confidential and open 24/7. " +
                "If you might act on these thoughts soon, call 911 now.",
            [SafetyCategory.CrisisSelfHarm] =
                "Thank you for telling me. That took courage, and you deserve support right now, not judgement. " +
                "You can call or text 988 any time, day or night, to talk with someone trained to help. " +
                "If you're badly hurt or bleeding a lot, call 911 now.",
            [SafetyCategory.CrisisOverdoseMedical] =
                "This could be a medical emergency. Call 911 now. If they are not breathing or won't wake up, call 911 now " +
                "and stay with them: the operator will tell you what to do. If it's you, call 911 or ask someone near you to call. " +
                "Poison Control is also open 24/7 at 1-800-222-1222.",
            [SafetyCategory.CrisisHarmToOthers] =
                "Thank you for telling me; saying it out loud is a strong first step. If anyone is in immediate danger, call 911 now. " +
                "If you can, put some distance between you and the other person. " +
                "You can also call or text 988, 24/7, to talk it through with someone right now.",
            [SafetyCategory.CrisisAbuseDanger] =
                "I'm so sorry this is happening. It is not your fault. If you're in danger right now, call 911. " +
                "When it's safe, the National Domestic Violence Hotline is at 1-800-799-7233 (or text START to 88788); " +
                "if you're under 18, Childhelp is at 1-800-422-4453. If someone might see this chat, you can close it at any time.",
        },
        StayWithUs =
            "I've flagged this chat so an advisor sees it first. Please stay here with me while one is connected. " +
            "You can also call {helplineName} at {helplinePhone} ({helplineHours}), or the SAMHSA National Helpline at 1-800-662-4357 (free, 24/7). " +
            "If you'd like something to do right now, I can guide you through a short grounding exercise.",
        Grounding =
            "Let's slow things down together. Wherever you are, gently notice: 5 things you can see, 4 things you can touch, " +
            "3 things you can hear, 2 things you can smell, and 1 slow breath: in through your nose for 4, out through your mouth for 6. " +
            "Take your time. I'm still here, and an advisor has been asked to join.",
        AdvisorButton = "Talk to an advisor",
        GroundingButton = "Grounding exercise",
    };
}
