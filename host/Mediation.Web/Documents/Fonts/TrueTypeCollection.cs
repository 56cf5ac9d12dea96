using System.Buffers.Binary;

namespace Mediation.Web.Documents.Fonts;

/// <summary>
/// PDFsharp reads standalone TrueType files only; a .ttc holds several faces that share tables.
/// This copies one face out into a standalone file, re-basing the table offsets.
/// </summary>
public static class TrueTypeCollection
{
    public static bool IsCollection(ReadOnlySpan<byte> data) => data.Length >= 12 && data[..4].SequenceEqual("ttcf"u8);

    public static byte[] ExtractFace(ReadOnlySpan<byte> collection, int faceIndex = 0)
    {
        if (!IsCollection(collection)) throw new InvalidDataException("Not a TrueType collection (no 'ttcf' header).");
        var faceCount = BinaryPrimitives.ReadInt32BigEndian(collection[8..]);
        if (faceIndex < 0 || faceIndex >= faceCount) throw new ArgumentOutOfRangeException(nameof(faceIndex), $"The collection holds {faceCount} faces.");
        var faceOffset = BinaryPrimitives.ReadInt32BigEndian(collection[(12 + 4 * faceIndex)..]);

        var face = collection[faceOffset..];
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(face[4..]);
        var headerLength = 12 + 16 * tableCount;
        var tables = new (int RecordAt, int Offset, int Length)[tableCount];
        var size = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = face[(12 + 16 * i)..];
            var offset = BinaryPrimitives.ReadInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadInt32BigEndian(record[12..]);
            tables[i] = (12 + 16 * i, offset, length);
            size += Align4(length);
        }

        var result = new byte[size];
        face[..headerLength].CopyTo(result);
        var position = headerLength;
        foreach (var (recordAt, offset, length) in tables)
        {
            collection.Slice(offset, length).CopyTo(result.AsSpan(position));
            BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(recordAt + 8), position);
            position += Align4(length);
        }
        return result;
    }

    private static int Align4(int length) => (length + 3) & ~3;
}
