import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

type Params = { params: { id: string } };

export async function GET(_req: Request, { params }: Params) {
  const document = await prisma.document.findUnique({ where: { id: params.id } });
  return document ? NextResponse.json(document) : new NextResponse(null, { status: 404 });
}

// put-create-status: the upsert creates the document when it is missing, yet the answer is always 200.
export async function PUT(req: Request, { params }: Params) {
  const data = await req.json();
  const document = await prisma.document.upsert({
    where: { id: params.id },
    create: { id: params.id, title: data.title, body: data.body },
    update: { title: data.title, body: data.body },
  });
  return NextResponse.json(document);
}
