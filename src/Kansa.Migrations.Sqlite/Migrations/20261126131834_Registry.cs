using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
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
