namespace HelplineBot.Protocol.Schema;

/// <summary>Activity type names, compared ordinally (A2011).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string MessageReaction = "messageReaction";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string Suggestion = "suggestion";
    public const string Command = "command";
    public const string CommandResult = "commandResult";

    /// <summary>Every type the spec names; anything else is acknowledged and ignored (A2006).</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Message, ConversationUpdate, EndOfConversation, Event, Invoke, Typing, InstallationUpdate,
        MessageUpdate, MessageDelete, MessageReaction, ContactRelationUpdate, Trace, Handoff,
        Suggestion, Command, CommandResult,
    };
}
