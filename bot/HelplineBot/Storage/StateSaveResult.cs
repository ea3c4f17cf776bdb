namespace HelplineBot.Storage;

/// <summary>Outcome of a conditional save: saved with a new version, or refused because another writer won.</summary>
public readonly record struct StateSaveResult(bool IsConflict, long Version)
{
    public static StateSaveResult Saved(long version) => new(false, version);
    public static readonly StateSaveResult Conflict = new(true, 0);
}
