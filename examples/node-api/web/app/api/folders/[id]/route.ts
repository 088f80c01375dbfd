import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

type Params = { params: { id: string } };

// The correct twin of documents/[id]: the same upsert, answering 201 when it created the folder.
export async function PUT(req: Request, { params }: Params) {
  const data = await req.json();
  const existing = await prisma.folder.findUnique({ where: { id: params.id } });
  const folder = await prisma.folder.upsert({
    where: { id: params.id },
    create: { id: params.id, name: data.name },
    update: { name: data.name },
  });
  return NextResponse.json(folder, { status: existing ? 200 : 201 });
}
