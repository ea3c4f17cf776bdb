using System.Buffers.Binary;
using System.IO.Compression;

namespace HelplineBot.DeploymentTests.Teams;

/// <summary>
/// Reads back a PNG as Teams would see it: the size from the IHDR header, and the RGBA pixels of an
/// 8-bit RGBA, non-interlaced image with unfiltered rows (what the teams-package command writes).
/// </summary>
internal sealed record PngImage(int Width, int Height, byte BitDepth, byte ColourType, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage Read(byte[] file)
    {
        Assert.True(file.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(file, 12, 4));

        var width = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(20));
        var bitDepth = file[24];
        var colourType = file[25];

        using var idat = new MemoryStream();
        for (var offset = 8; offset < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(file, offset + 8, length);
            }

            offset += 12 + length;
        }

        if (bitDepth != 8 || colourType != 6)
        {
            return new PngImage(width, height, bitDepth, colourType, []);
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = (width * 4) + 1;
        Assert.Equal(stride * height, bytes.Length);

        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * stride]); // filter type None
            Array.Copy(bytes, (y * stride) + 1, rgba, y * width * 4, width * 4);
        }

        return new PngImage(width, height, bitDepth, colourType, rgba);
    }
}
