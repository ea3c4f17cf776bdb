namespace HelplineBot.Turns;

/// <summary>What the bot says when its own parts fail, so nobody is left without a way to reach help.</summary>
public static class FallbackReplies
{
    public const string SomethingWentWrong =
        "Sorry, something went wrong on our side. Please try again in a moment. " +
        "If you are in danger or it is an emergency, call 911. For thoughts of suicide, call or text 988.";
}
