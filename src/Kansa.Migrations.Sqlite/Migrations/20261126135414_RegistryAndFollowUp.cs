using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistryAndFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedFrom",
                table: "Departments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Departments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Departments",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "DepartmentNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepartmentNames_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderNotices_ResponseRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ResponseRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Departments_MergedIntoId",
                table: "Departments",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentNames_DepartmentId_From",
                table: "DepartmentNames",
                columns: new[] { "DepartmentId", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentNames_Name",
                table: "DepartmentNames",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ResponseId",
                table: "EvidenceFiles",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderNotices_RequestId_Kind_DueDate",
                table: "ReminderNotices",
                columns: new[] { "RequestId", "Kind", "DueDate" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Departments_Departments_MergedIntoId",
                table: "Departments",
                column: "MergedIntoId",
                principalTable: "Departments",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Departments_Departments_MergedIntoId",
                table: "Departments");

            migrationBuilder.DropTable(
                name: "DepartmentNames");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ReminderNotices");

            migrationBuilder.DropIndex(
                name: "IX_Departments_MergedIntoId",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "MergedFrom",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Departments");
        }
    }
}
