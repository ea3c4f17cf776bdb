namespace HelplineBot.Safety;

/// <summary>How far a guard reaches: only the words it overlaps, or the whole clause it is in.</summary>
internal enum GuardScope
{
    Overlap,
    Clause,
}
