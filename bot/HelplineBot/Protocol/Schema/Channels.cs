namespace HelplineBot.Protocol.Schema;

public static class Channels
{
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
    public const string MsTeams = "msteams";
    public const string Emulator = "emulator";
    public const string Test = "test";
}

public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
}

public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}
