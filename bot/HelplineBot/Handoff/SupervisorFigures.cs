namespace HelplineBot.Handoff;

/// <summary>The supervisor view's figures: the queue now, and today's handled chats, service levels and people who left (abandoned).</summary>
public sealed record SupervisorFigures(
    int QueueLength,
    TimeSpan LongestWait,
    int ActiveChats,
    int HandledToday,
    int OpenCallbacks,
    TimeSpan? MedianFirstReply,
    ServiceLevelCount Crisis,
    ServiceLevelCount NonCrisis,
    int LeftToday,
    int CrisisLeftToday);

/// <summary>How many first replies met or missed their target.</summary>
public sealed record ServiceLevelCount(int Met, int Missed);
