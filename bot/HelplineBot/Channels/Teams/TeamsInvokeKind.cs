namespace HelplineBot.Channels.Teams;

/// <summary>What an invoke asks of the bot.</summary>
public enum TeamsInvokeKind
{
    /// <summary>Not a name the bot knows: leave it unanswered (501).</summary>
    Unknown,
    /// <summary>Sign-in invokes (verifyState, tokenExchange): the bot has no sign-in, 200 with no body.</summary>
    SignIn,
    /// <summary>A well-formed Action.Execute.</summary>
    CardAction,
    /// <summary>adaptiveCard/action whose value is not an Action.Execute: 400.</summary>
    MalformedCardAction,
}
