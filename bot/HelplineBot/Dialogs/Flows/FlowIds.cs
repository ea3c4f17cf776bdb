namespace HelplineBot.Dialogs.Flows;

/// <summary>Flows the engine starts by itself; every other flow is reached from these.</summary>
public static class FlowIds
{
    public const string Welcome = "welcome";
    public const string MainMenu = "main-menu";
    public const string WayOut = "way-out";
    public const string Goodbye = "goodbye";
}
