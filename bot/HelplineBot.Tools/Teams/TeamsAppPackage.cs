using System.IO.Compression;

namespace HelplineBot.Tools.Teams;

/// <summary>
/// Writes the Teams app package: a zip holding exactly manifest.json, color.png and outline.png at its root,
/// which is what Teams admin center and "Upload a custom app" accept. Same inputs give the same bytes.
/// </summary>
internal static class TeamsAppPackage
{
    public const string DefaultFileName = "helplinebot-teams.zip";

    // A fixed entry time keeps the zip reproducible, so an unchanged package is byte-for-byte the same.
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(TeamsAppDefinition app, string zipPath)
    {
        if (!Rgb.TryParse(app.AccentColor, out var accent))
        {
            throw new ArgumentException("The accent colour must be #RRGGBB.", nameof(app));
        }

        var manifest = TeamsAppManifest.ToJson(TeamsAppManifest.Create(app));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);

        // Written next to the target first, so a failed run never leaves half a package behind.
        var temporary = zipPath + ".tmp";
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            Add(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest));
            Add(zip, TeamsAppManifest.ColorIconFile, AppIcons.Color(accent));
            Add(zip, TeamsAppManifest.OutlineIconFile, AppIcons.Outline());
        }

        File.Move(temporary, zipPath, overwrite: true);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
